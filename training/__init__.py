"""Synthetic cards and model training (milestone 2)."""

"""Label Studio integration (milestone 4)."""

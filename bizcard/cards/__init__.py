"""Cards: uploaded photos, their processing, and the contacts read from them."""

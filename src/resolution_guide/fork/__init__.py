"""`resolution-guide new DIR`: a new organization's guide folder, made from the installed package."""

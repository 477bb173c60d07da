"""Scorers against annotated gold data: quotation attribution and sentiment."""

"""Number rules: values in the source must reappear in the aligned target."""

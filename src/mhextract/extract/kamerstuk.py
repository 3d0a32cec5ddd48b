"""(being written) kamerstuk extractor."""

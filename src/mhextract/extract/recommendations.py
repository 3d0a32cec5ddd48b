"""(being written) recommendations extractor."""

"""(being written) figures extractor."""

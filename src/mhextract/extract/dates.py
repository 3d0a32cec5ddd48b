"""(being written) dates extractor."""

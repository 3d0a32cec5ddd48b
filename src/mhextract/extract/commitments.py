"""(being written) commitments extractor."""

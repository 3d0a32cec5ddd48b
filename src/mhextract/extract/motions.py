"""(being written) motions extractor."""

"""(being written) persons extractor."""

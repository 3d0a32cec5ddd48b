"""(being written) references extractor."""

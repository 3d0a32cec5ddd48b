"""(being written) organisations extractor."""

"""The record: the pydantic contract (`model`) and how it is built from a letter and its Doc (`build`)."""

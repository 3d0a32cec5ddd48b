"""Views for analysts: the reading view of one letter (`render`) and the dossier overview (`dossier`)."""

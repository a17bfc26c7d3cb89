"""Knowledge the stages consult: actors, outlets, CAMEO/PLOVER tables, gazetteer, lexicons."""

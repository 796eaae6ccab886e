// Placeholder entry point; the align/clusters/normalize verbs arrive with the alignment engine.
return 0;

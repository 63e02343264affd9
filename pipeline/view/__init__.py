"""`zhkg view`: the run's graph as one offline HTML page (`page`), filled from the package's
`template.html` with the vendored Cytoscape.js (`vendor/`)."""

"""What `figures/charts/*.py` scripts import: the chart theme (`theme`) and the handbook's numbers (`sources`)."""

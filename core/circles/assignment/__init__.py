"""Circle assignment: the pure grouping, the weekly job, seating newcomers and joining."""

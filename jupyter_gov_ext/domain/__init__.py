"""The domain: pure rules and views, no I/O and no clock (rules, lifecycle, identity, roster,
the snapshot of the repo, the views that turn records into responses)."""

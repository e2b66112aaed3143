"""The workflows: each reads a snapshot, asks the domain, and hands records to the store."""

"""The storage layer: the only code that knows paths, file formats and git (layout, files,
frontmatter, the record index, the store, the write journal, the git wrapper)."""

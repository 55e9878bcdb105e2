"""The Backend Interview Handbook's build logic, one concept per module.

Data flows one way: `data/` YAML and `figures/` scripts are loaded and validated (`content`), rendered into
Markdown and HTML (`rendering`, `figures`), exported as study files (`exports`) and checked as a site
(`site_policy`). `build` holds the per-build context and the glue MkDocs calls: the mkdocs-macros module in
`macros/` and the hooks in `hooks/` are a few lines each that call into it.
"""

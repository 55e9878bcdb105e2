"""The mkdocs-macros module (`module_name: macros` in mkdocs.yml): the handbook's macros, from its package."""

from handbook.build.macros import define_env

__all__ = ["define_env"]

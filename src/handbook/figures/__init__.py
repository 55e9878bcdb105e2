"""Figures drawn at build time: architecture diagrams (`diagrams`), Mermaid, and the browser that renders them."""

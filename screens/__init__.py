"""Textual screens of prep: UI only; they ask the core for everything."""

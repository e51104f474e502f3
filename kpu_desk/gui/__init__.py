"""The Qt layer of KPU Desk: windows, pages, Qt item models, background operations.

The only part of the package that imports PySide6. Forms that do not change
with an SOP are Qt Designer files in ui/ (see kpu_desk.gui.uiload); every
string a user reads goes through tr() with Indonesian source text.
"""

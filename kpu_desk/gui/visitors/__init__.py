"""The visitor desk's windows: the buku tamu, who is in the building, the closing-time warning.

Each is opened by whoever shows it (Meja Tamu), with the signed-in session:

    GuestbookDialog(session, parent).show()          # kpu_desk.gui.visitors.guestbook_dialog
    BuildingPanel(session, parent).show()            # kpu_desk.gui.visitors.building_panel
    ClosingWarning(session, parent).start()          # kpu_desk.gui.visitors.closing_warning
    start_retention(parent)                          # kpu_desk.gui.visitors.retention_run
"""

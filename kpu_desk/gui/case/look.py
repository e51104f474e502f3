"""The case window's own marks on top of the application's style sheet (ui/style.qss):
the header band, the state badge, the open step's heading and the note on who must act."""

CASE_WINDOW_STYLE = """
#caseHeader { background: #ffffff; border-bottom: 1px solid #d8d8d4; }
QLabel[role="badge"] { border-radius: 3px; padding: 2px 8px; font-weight: bold; color: white; background: #2f5d8a; }
QLabel[role="badge"][state="done"] { background: #1e5e22; }
QLabel[role="badge"][state="waiting"] { background: #7a5b00; }
QLabel[role="badge"][state="cancelled"] { background: #6b6b6b; }
QLabel[role="due"][late="true"] { color: #a11a12; font-weight: bold; }
QLabel[role="step"] { font-size: 12pt; font-weight: bold; color: #0b3d66;
    border-left: 4px solid #0072B2; padding: 2px 0 2px 8px; }
QLabel[role="closed"] { font-size: 12pt; font-weight: bold; color: #2b2b2b; }
QLabel[role="note"] { background: #fff4d6; border: 1px solid #e6c96b; border-radius: 3px; padding: 6px; }
#conflictFrame { background: #fde4e1; border: 1px solid #c0392b; border-radius: 3px; }
#formHost, #recordedHost { background: #ffffff; }
"""

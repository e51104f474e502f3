"""The swimlane view: an SOP's bagan alur on screen, with a case on it; its export and printing.

One layout (kpu_desk.chart, plain data), painted here with Qt. The case comes in
as plain data too (kpu_desk.chart.case_marks.CaseMarks) and is mapped onto the
scene's items by kpu_desk.gui.chart.marks.

Embedding the view (the case window does this):

    from kpu_desk.chart.case_marks import case_marks
    from kpu_desk.gui.chart import ChartView

    view = ChartView(parent)
    view.set_sop(sop)                     # the case's SOP version: engine.sop_for_case(find_case(n))
    view.show_case(case_marks(number))    # again after every change; None shows the bare SOP
    view.step_activated.connect(open_step_form_or_history)   # int: the step's number
    view.fit_width()                      # or fit_to_window(); zoom 1.0 is the printed size

ChartView (a QGraphicsView):
    set_sop(sop, layout=None)          show the SOP's chart (layout_chart with the Qt measure)
    show_case(marks | None, now=None)  mark the open step, path taken, untaken branches, overdue steps
    step_activated(int)                signal: Enter, or a double click, on a step
    step_focused(int)                  signal: the keyboard focus moved to a step
    zoom_changed(float)                signal
    zoom(), set_zoom(z), zoom_in(), zoom_out(), fit_to_window(), fit_width()
    focus_step(no), focused_step()
    step_items(), item_for_step(no) -> StepItem (.step_no, .state (palette.StepState), .overdue,
        .focused, .accessible_name(), .tooltip_text()), marked_open_step() -> int | None
    chart_scene() -> ChartScene, case_marks() -> CaseMarks | None
Keys: Ctrl+wheel, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the window; arrow keys, Tab,
Home/End move from step to step in the document's order (Tab past the last step
leaves the chart); Enter activates. Focus coming into the chart lands on the open
step. Drag or the scroll bars pan. Tooltips: a done step says who did it and
when, the open step its due time and who must act. Scene items have no
accessibility interface of their own, so the view's accessibleDescription is the
focused step's accessible name (and a DescriptionChanged event is sent).

Export and printing (kpu_desk.gui.chart.export):
    render_sop(sop, path, marks=None)       PNG, SVG or PDF by the file's suffix (the CLI's `sop render`)
    build_scene(sop, marks, width, page_height) -> ChartScene with the title (and legend) above
    chart_image(scene, dpi) -> QImage; png_bytes / svg_bytes / pdf_bytes(scene); paged_pdf_bytes(sop, marks, paper)
    print_chart(sop, marks, parent, printer=None, dialog=None)   through the Qt print dialog
"""

from kpu_desk.gui.chart.view import ChartView

__all__ = ["ChartView"]

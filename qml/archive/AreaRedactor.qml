import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One screenshot, full screen, where the person marks boxes to black out of this copy: each box
// shows black at once. With a pointer: drag on the picture for a new box, drag a box to move it,
// drag its corner to resize it. With the keyboard: N (or Add a box) puts a box in the middle,
// Tab goes from box to box, arrows move the box, Shift+arrows resize it, Delete removes it. Pinch,
// the wheel, the - and + buttons or keys zoom; Undo takes the last change back. The boxes go to the
// controller in the picture's pixels as it is shown here (turned as its camera said), which are
// the pixels the core blacks out of the new PNG; the vault's file is unchanged.
Popup {
    id: redactor
    required property ExportController exporter
    property string entryId
    property string name
    property string source
    property var shown: ({})   // {width, height} as shown, or {problem}
    readonly property var boxes: exporter.areaCount >= 0 ? exporter.areasOf(entryId, name) : [] // again as boxes change
    readonly property bool canUndo: exporter.areaCount >= 0 && exporter.canUndoArea(entryId, name)
    // A key was pressed on the picture: the keys are explained, as on a wide window.
    property bool keysUsed: false
    // The box the keyboard or the last click chose; -1 for none.
    property int selected: -1
    property real zoom: 1
    readonly property real minZoom: 1
    readonly property real maxZoom: 8
    readonly property bool ready: image.status === Image.Ready && shown.width > 0
    // Screen points per picture pixel at zoom 1, so the whole picture fits the stage.
    readonly property real fitScale: ready ? Math.min(flick.width / shown.width, flick.height / shown.height) : 0

    function show(shot) {
        entryId = shot.entryId
        name = shot.name
        shown = exporter.shownImage(shot.entryId, shot.name)
        source = shown.problem === undefined ? shot.source : ""
        selected = -1
        zoom = 1
        open()
        stage.forceActiveFocus()
    }

    // Zooms to `newZoom`, keeping the picture's point under (x, y) of the stage where it is (as
    // far as the picture's edges allow).
    function zoomAbout(newZoom, x, y) {
        if (!ready)
            return
        const next = Math.max(minZoom, Math.min(maxZoom, newZoom))
        const u = (flick.contentX + x - canvas.x) / canvas.scale
        const v = (flick.contentY + y - canvas.y) / canvas.scale
        const w = shown.width * fitScale * next, h = shown.height * fitScale * next
        const cw = Math.max(flick.width, w), ch = Math.max(flick.height, h)
        zoom = next
        flick.contentX = Math.max(0, Math.min(cw - flick.width, u * fitScale * next + (cw - w) / 2 - x))
        flick.contentY = Math.max(0, Math.min(ch - flick.height, v * fitScale * next + (ch - h) / 2 - y))
    }
    function zoomAboutCentre(factor) { zoomAbout(zoom * factor, flick.width / 2, flick.height / 2) }
    function pan(dx, dy) {
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, flick.contentX + dx))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, flick.contentY + dy))
    }
    // Scrolls so that the box (in picture pixels) is in view.
    function reveal(r) {
        const s = canvas.scale
        const left = canvas.x + r.x * s, top = canvas.y + r.y * s
        if (left < flick.contentX)
            flick.contentX = Math.max(0, left - 16)
        else if (left + r.width * s > flick.contentX + flick.width)
            flick.contentX = Math.min(flick.contentWidth - flick.width, left + r.width * s - flick.width + 16)
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - 16)
        else if (top + r.height * s > flick.contentY + flick.height)
            flick.contentY = Math.min(flick.contentHeight - flick.height, top + r.height * s - flick.height + 16)
    }

    // The box at `index` takes the keyboard (once the boxes are laid out again).
    function focusBox(index) {
        selected = index
        Qt.callLater(() => {
            const box = boxRepeater.itemAt(index)
            if (box)
                box.forceActiveFocus()
        })
    }
    // A new box in the middle of what the stage shows: a quarter of it each way.
    function addBoxInView() {
        if (!ready)
            return
        const s = canvas.scale
        const x0 = Math.max(0, (flick.contentX - canvas.x) / s), y0 = Math.max(0, (flick.contentY - canvas.y) / s)
        const x1 = Math.min(shown.width, (flick.contentX + flick.width - canvas.x) / s)
        const y1 = Math.min(shown.height, (flick.contentY + flick.height - canvas.y) / s)
        const w = Math.max(1, Math.round((x1 - x0) / 4)), h = Math.max(1, Math.round((y1 - y0) / 4))
        const index = exporter.addArea(entryId, name, Math.round((x0 + x1 - w) / 2), Math.round((y0 + y1 - h) / 2), w, h)
        if (index >= 0)
            focusBox(index)
    }
    function removeBox(index) {
        if (index < 0 || index >= boxes.length)
            return
        exporter.removeArea(entryId, name, index)
        if (boxes.length > 0)
            focusBox(Math.min(index, boxes.length - 1))
        else {
            selected = -1
            stage.forceActiveFocus()
        }
    }

    parent: Overlay.overlay
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    onClosed: source = "" // drop the decoded pixels

    contentItem: ColumnLayout {
        spacing: 0
        ToolBar {
            Layout.fillWidth: true
            // On a phone, or with large text, the buttons wrap onto a second row.
            Flow {
                width: parent.width
                ToolButton {
                    text: qsTr("Add a box")
                    enabled: redactor.ready
                    Accessible.name: qsTr("Add a box in the middle")
                    onClicked: redactor.addBoxInView()
                }
                ToolButton {
                    text: qsTr("Remove")
                    enabled: redactor.selected >= 0 && redactor.selected < redactor.boxes.length
                    Accessible.name: qsTr("Remove the chosen box")
                    onClicked: redactor.removeBox(redactor.selected)
                }
                ToolButton {
                    text: qsTr("Undo")
                    enabled: redactor.canUndo
                    Accessible.name: qsTr("Undo the last change")
                    onClicked: {
                        redactor.exporter.undoArea(redactor.entryId, redactor.name)
                        if (redactor.selected >= redactor.boxes.length)
                            redactor.selected = -1
                    }
                }
                ToolButton {
                    text: "\u2212"
                    enabled: redactor.zoom > redactor.minZoom
                    Accessible.name: qsTr("Zoom out")
                    onClicked: redactor.zoomAboutCentre(1 / 1.5)
                }
                ToolButton {
                    text: "+"
                    enabled: redactor.ready && redactor.zoom < redactor.maxZoom
                    Accessible.name: qsTr("Zoom in")
                    onClicked: redactor.zoomAboutCentre(1.5)
                }
                ToolButton {
                    text: qsTr("Done")
                    font.weight: Font.DemiBold
                    Accessible.name: qsTr("Done marking boxes")
                    onClicked: redactor.close()
                }
            }
        }
        Label {
            objectName: "redactorNote"
            textFormat: Text.PlainText
            text: redactor.shown.problem !== undefined ? redactor.shown.problem
                  : qsTr("Drag over what to black out of %1, in this copy only. Boxes: %2.").arg(redactor.name).arg(redactor.boxes.length)
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.topMargin: 8
        }
        Label {
            objectName: "redactorKeys"
            visible: redactor.shown.problem === undefined && (redactor.width >= 600 || redactor.keysUsed)
            textFormat: Text.PlainText
            text: qsTr("Keys: N adds a box, Tab goes from box to box, arrows move it, Shift+arrows resize it, Delete removes it; + and \u2212 zoom.")
            font.pixelSize: TextScale.small
            opacity: 0.8
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
        }

        // The picture, zoomed in the flickable; a frame shows when the keyboard is on it.
        Item {
            id: stage
            objectName: "redactStage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 8
            activeFocusOnTab: true
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Screenshot %1: N adds a box to black out, Tab goes to the boxes").arg(redactor.name)

            // Behind the picture, so a white screenshot's edges show.
            Rectangle {
                anchors.fill: parent
                color: Material.theme === Material.Dark ? Qt.rgba(1, 1, 1, 0.08) : Qt.rgba(0, 0, 0, 0.12)
            }

            Keys.onPressed: (event) => {
                redactor.keysUsed = true
                const step = 40
                if (event.key === Qt.Key_N || event.key === Qt.Key_Insert || event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                    redactor.addBoxInView()
                else if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal)
                    redactor.zoomAboutCentre(1.5)
                else if (event.key === Qt.Key_Minus)
                    redactor.zoomAboutCentre(1 / 1.5)
                else if (event.key === Qt.Key_0)
                    redactor.zoomAbout(1, 0, 0)
                else if (event.key === Qt.Key_Left)
                    redactor.pan(-step, 0)
                else if (event.key === Qt.Key_Right)
                    redactor.pan(step, 0)
                else if (event.key === Qt.Key_Up)
                    redactor.pan(0, -step)
                else if (event.key === Qt.Key_Down)
                    redactor.pan(0, step)
                else
                    return
                event.accepted = true
            }

            Flickable {
                id: flick
                anchors.fill: parent
                clip: true
                // A drag draws, moves or resizes a box; two fingers, the wheel, the scroll bars
                // and the keys move the picture.
                interactive: false
                contentWidth: Math.max(width, canvas.width)
                contentHeight: Math.max(height, canvas.height)
                // Shown once the picture is larger than the stage (not for a rounding's half point).
                ScrollBar.vertical: ScrollBar { policy: flick.contentHeight > flick.height + 1 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }
                ScrollBar.horizontal: ScrollBar { policy: flick.contentWidth > flick.width + 1 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }

                // Exactly the picture, in its pixels times `scale` screen points.
                Item {
                    id: canvas
                    readonly property real scale: redactor.fitScale * redactor.zoom
                    width: redactor.ready ? redactor.shown.width * scale : 0
                    height: redactor.ready ? redactor.shown.height * scale : 0
                    x: (flick.contentWidth - width) / 2
                    y: (flick.contentHeight - height) / 2

                    Image {
                        id: image
                        objectName: "redactImage"
                        anchors.fill: parent
                        source: redactor.source
                        cache: false
                        asynchronous: true
                        fillMode: Image.Stretch // the canvas has the picture's proportions
                        sourceSize.width: 4096
                        Accessible.ignored: true
                        // Screen points per picture pixel, and where the picture starts in this item.
                        readonly property real pixelScale: canvas.scale
                        readonly property real pictureLeft: 0
                        readonly property real pictureTop: 0
                    }

                    // What a drag does: a new box, a box moved, or a box resized by its corner.
                    MouseArea {
                        id: area
                        anchors.fill: parent
                        enabled: redactor.ready
                        preventStealing: true
                        property string mode: ""
                        property int box: -1
                        property point start            // where the drag started, in picture pixels
                        property rect startRect         // the box then
                        function toPicture(mx, my) {
                            return Qt.point(Math.max(0, Math.min(redactor.shown.width, mx / canvas.scale)),
                                            Math.max(0, Math.min(redactor.shown.height, my / canvas.scale)))
                        }
                        function boxAt(p) {
                            for (let i = redactor.boxes.length - 1; i >= 0; --i) {
                                const r = redactor.boxes[i]
                                if (p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height)
                                    return i
                            }
                            return -1
                        }
                        function onHandle(mx, my) {
                            const r = redactor.boxes[redactor.selected]
                            if (!r)
                                return false
                            const hx = (r.x + r.width) * canvas.scale, hy = (r.y + r.height) * canvas.scale
                            return Math.abs(mx - hx) <= 16 && Math.abs(my - hy) <= 16
                        }
                        onPressed: (mouse) => {
                            const p = toPicture(mouse.x, mouse.y)
                            start = p
                            if (onHandle(mouse.x, mouse.y)) {
                                mode = "resize"
                                box = redactor.selected
                            } else if ((box = boxAt(p)) >= 0) {
                                mode = "move"
                                redactor.focusBox(box)
                            } else {
                                mode = "draw"
                                drawing.x = mouse.x
                                drawing.y = mouse.y
                                drawing.width = 0
                                drawing.height = 0
                                return
                            }
                            const r = redactor.boxes[box]
                            startRect = Qt.rect(r.x, r.y, r.width, r.height)
                        }
                        onPositionChanged: (mouse) => {
                            const p = toPicture(mouse.x, mouse.y)
                            if (mode === "draw") {
                                const s = canvas.scale
                                drawing.x = Math.min(start.x, p.x) * s
                                drawing.y = Math.min(start.y, p.y) * s
                                drawing.width = Math.abs(p.x - start.x) * s
                                drawing.height = Math.abs(p.y - start.y) * s
                            } else if (mode === "move") {
                                redactor.exporter.setArea(redactor.entryId, redactor.name, box,
                                                          Math.round(startRect.x + p.x - start.x), Math.round(startRect.y + p.y - start.y),
                                                          startRect.width, startRect.height)
                            } else if (mode === "resize") {
                                redactor.exporter.setArea(redactor.entryId, redactor.name, box, startRect.x, startRect.y,
                                                          Math.max(1, Math.round(startRect.width + p.x - start.x)),
                                                          Math.max(1, Math.round(startRect.height + p.y - start.y)))
                            }
                        }
                        onReleased: (mouse) => {
                            if (mode === "draw") {
                                const p = toPicture(mouse.x, mouse.y)
                                // Outwards to whole pixels: what was covered on screen is covered.
                                const x0 = Math.floor(Math.min(start.x, p.x)), y0 = Math.floor(Math.min(start.y, p.y))
                                const x1 = Math.ceil(Math.max(start.x, p.x)), y1 = Math.ceil(Math.max(start.y, p.y))
                                drawing.width = 0
                                if (Math.abs(p.x - start.x) * canvas.scale >= 4 && Math.abs(p.y - start.y) * canvas.scale >= 4) {
                                    const index = redactor.exporter.addArea(redactor.entryId, redactor.name, x0, y0, x1 - x0, y1 - y0)
                                    if (index >= 0)
                                        redactor.focusBox(index)
                                } else {
                                    redactor.selected = -1 // a tap on the picture: no box chosen
                                    stage.forceActiveFocus()
                                }
                            }
                            mode = ""
                        }
                    }

                    Repeater {
                        id: boxRepeater
                        model: redactor.ready ? redactor.boxes.length : 0
                        delegate: Rectangle {
                            id: boxItem
                            required property int index
                            readonly property rect r: redactor.boxes[index] ?? Qt.rect(0, 0, 0, 0)
                            readonly property bool chosen: redactor.selected === index
                            objectName: "redactBox"
                            color: "black"
                            x: r.x * canvas.scale
                            y: r.y * canvas.scale
                            width: r.width * canvas.scale
                            height: r.height * canvas.scale
                            activeFocusOnTab: true
                            Accessible.role: Accessible.Graphic
                            Accessible.name: qsTr("Box %1 of %2, %3 by %4 pixels at %5, %6").arg(index + 1).arg(redactor.boxes.length)
                                             .arg(r.width).arg(r.height).arg(r.x).arg(r.y)
                            Accessible.description: qsTr("Arrows move it, Shift+arrows resize it, Delete removes it")
                            onActiveFocusChanged: if (activeFocus) { redactor.selected = index; redactor.reveal(r) }

                            // Chosen: a ring in the accent colour with a white one inside, seen on
                            // black and on the picture alike, and the corner to drag.
                            Rectangle {
                                anchors.fill: parent
                                anchors.margins: -border.width
                                visible: boxItem.chosen
                                color: "transparent"
                                border.width: boxItem.activeFocus ? 5 : 3
                                border.color: Material.accentColor
                                Rectangle {
                                    anchors.fill: parent
                                    anchors.margins: parent.border.width - 1
                                    color: "transparent"
                                    border.width: 1
                                    border.color: "white"
                                }
                            }
                            Rectangle {
                                visible: boxItem.chosen
                                width: 14
                                height: 14
                                radius: 7
                                x: parent.width - 7
                                y: parent.height - 7
                                color: Material.accentColor
                                border.color: "white"
                            }

                            Keys.onPressed: (event) => {
                                redactor.keysUsed = true
                                // 8 screen points a press, or one pixel with Alt.
                                const step = (event.modifiers & Qt.AltModifier) ? 1 : Math.max(1, Math.round(8 / canvas.scale))
                                let dx = 0, dy = 0
                                if (event.key === Qt.Key_Left)
                                    dx = -step
                                else if (event.key === Qt.Key_Right)
                                    dx = step
                                else if (event.key === Qt.Key_Up)
                                    dy = -step
                                else if (event.key === Qt.Key_Down)
                                    dy = step
                                else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
                                    redactor.removeBox(index)
                                    event.accepted = true
                                    return
                                } else if (event.key === Qt.Key_N || event.key === Qt.Key_Insert) {
                                    redactor.addBoxInView()
                                    event.accepted = true
                                    return
                                } else if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal || event.key === Qt.Key_Minus) {
                                    redactor.zoomAboutCentre(event.key === Qt.Key_Minus ? 1 / 1.5 : 1.5)
                                    redactor.reveal(r)
                                    event.accepted = true
                                    return
                                } else {
                                    return
                                }
                                event.accepted = true
                                if (event.modifiers & Qt.ShiftModifier)
                                    redactor.exporter.setArea(redactor.entryId, redactor.name, index, r.x, r.y,
                                                              Math.max(1, r.width + dx), Math.max(1, r.height + dy))
                                else
                                    redactor.exporter.setArea(redactor.entryId, redactor.name, index, r.x + dx, r.y + dy,
                                                              r.width, r.height)
                                redactor.reveal(redactor.boxes[index])
                            }
                        }
                    }
                    Rectangle { // the box being drawn
                        id: drawing
                        visible: area.mode === "draw" && width > 0
                        color: "black"
                        opacity: 0.7
                        border.color: "white"
                    }
                }

                PinchHandler {
                    id: pinch
                    target: null
                    grabPermissions: PointerHandler.CanTakeOverFromAnything
                    property real startZoom: 1
                    property point anchor: Qt.point(0, 0)
                    onActiveChanged: {
                        if (!active)
                            return
                        const p = flick.mapFromItem(pinch.parent, centroid.position)
                        startZoom = redactor.zoom
                        anchor = Qt.point((flick.contentX + p.x - canvas.x) / canvas.scale, (flick.contentY + p.y - canvas.y) / canvas.scale)
                    }
                    // The picture's point under the fingers follows them as they spread and move.
                    onActiveScaleChanged: follow()
                    onCentroidChanged: if (active) follow()
                    function follow() {
                        const p = flick.mapFromItem(pinch.parent, centroid.position)
                        const z = Math.max(redactor.minZoom, Math.min(redactor.maxZoom, startZoom * activeScale))
                        const w = redactor.shown.width * redactor.fitScale * z, h = redactor.shown.height * redactor.fitScale * z
                        const cw = Math.max(flick.width, w), ch = Math.max(flick.height, h)
                        redactor.zoom = z
                        flick.contentX = Math.max(0, Math.min(cw - flick.width, anchor.x * redactor.fitScale * z + (cw - w) / 2 - p.x))
                        flick.contentY = Math.max(0, Math.min(ch - flick.height, anchor.y * redactor.fitScale * z + (ch - h) / 2 - p.y))
                    }
                }
                WheelHandler {
                    id: wheel
                    target: null
                    onWheel: (event) => {
                        const p = flick.mapFromItem(wheel.parent, wheel.point.position)
                        // One notch (120) zooms by 1.2; a touchpad's smaller steps by as much less.
                        redactor.zoomAbout(redactor.zoom * Math.pow(1.2, event.angleDelta.y / 120), p.x, p.y)
                    }
                }
            }
            // The keyboard is on the picture (not on a box).
            Rectangle {
                anchors.fill: parent
                anchors.margins: -4
                color: "transparent"
                visible: stage.activeFocus
                border.width: 2
                border.color: Material.accentColor
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: image.status === Image.Loading
            }
        }
    }
}

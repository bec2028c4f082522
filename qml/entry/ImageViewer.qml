import QtQuick
import QtQuick.Controls

// A full-screen viewer for an attached image: pinch, wheel, the buttons or the keys (+, -, 0) to
// zoom, arrow keys or a drag to move. Pinch and wheel zoom about the fingers or the cursor: the
// point of the picture under them stays where it is.
Popup {
    id: popup
    property string source
    property string name
    property real zoom: 1
    readonly property real minZoom: 1
    readonly property real maxZoom: 8

    function show(src, title) {
        source = src
        name = title
        zoom = 1
        flick.contentX = 0
        flick.contentY = 0
        open()
    }

    // Zooms to `newZoom` keeping the picture's point at (x, y) of the viewer where it is (as far
    // as the picture's edges allow). At zoom z the picture is z times the viewer's size and starts
    // at the content's origin, so the point under (x, y) is ((contentX + x) / z, (contentY + y) / z)
    // of the picture at zoom 1, wherever the zoom goes.
    function zoomAbout(newZoom, x, y) {
        zoomAt(newZoom, (flick.contentX + x) / zoom, (flick.contentY + y) / zoom, x, y)
    }

    // Zooms to `newZoom` and puts the picture's point (u, v) (at zoom 1) at (x, y) of the viewer.
    function zoomAt(newZoom, u, v, x, y) {
        zoom = Math.max(minZoom, Math.min(maxZoom, newZoom))
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, u * zoom - x))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, v * zoom - y))
    }

    function zoomAboutCentre(factor) { zoomAbout(zoom * factor, flick.width / 2, flick.height / 2) }

    function pan(dx, dy) {
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, flick.contentX + dx))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, flick.contentY + dy))
    }

    parent: Overlay.overlay
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    background: Rectangle { color: "#E6000000" }
    onClosed: source = "" // drop the decoded pixels

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: image.width
        contentHeight: image.height
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        focus: true
        // Two fingers zoom: the flick does not take them for a drag meanwhile.
        interactive: !pinch.active
        Keys.onPressed: (event) => {
            const step = 40
            if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal)
                popup.zoomAboutCentre(1.5)
            else if (event.key === Qt.Key_Minus)
                popup.zoomAboutCentre(1 / 1.5)
            else if (event.key === Qt.Key_0)
                popup.zoomAbout(1, 0, 0)
            else if (event.key === Qt.Key_Left)
                popup.pan(-step, 0)
            else if (event.key === Qt.Key_Right)
                popup.pan(step, 0)
            else if (event.key === Qt.Key_Up)
                popup.pan(0, -step)
            else if (event.key === Qt.Key_Down)
                popup.pan(0, step)
            else
                return
            event.accepted = true
        }

        // As large as the viewer times the zoom, from the content's origin; the picture keeps its
        // proportions inside it, centred.
        Image {
            id: image
            source: popup.source
            cache: false
            fillMode: Image.PreserveAspectFit
            width: flick.width * popup.zoom
            height: flick.height * popup.zoom
            sourceSize.width: 4096
            Accessible.name: popup.name
        }
        PinchHandler {
            id: pinch
            target: null
            // Once the fingers spread, the pinch is theirs: the flick cannot take them over.
            grabPermissions: PointerHandler.CanTakeOverFromAnything
            // Where the gesture started: the zoom, and the picture's point (at zoom 1) under the
            // fingers, which then follows their centre as they spread and move.
            property real startZoom: 1
            property point anchor: Qt.point(0, 0)
            onActiveChanged: {
                if (!active)
                    return
                const p = flick.mapFromItem(pinch.parent, centroid.position)
                startZoom = popup.zoom
                anchor = Qt.point((flick.contentX + p.x) / popup.zoom, (flick.contentY + p.y) / popup.zoom)
            }
            onActiveScaleChanged: {
                if (!active)
                    return
                const p = flick.mapFromItem(pinch.parent, centroid.position)
                popup.zoomAt(startZoom * activeScale, anchor.x, anchor.y, p.x, p.y)
            }
        }
        WheelHandler {
            id: wheel
            target: null
            onWheel: (event) => {
                const p = flick.mapFromItem(wheel.parent, wheel.point.position)
                // One notch (120) zooms by 1.2; a touchpad's smaller steps by as much less.
                popup.zoomAbout(popup.zoom * Math.pow(1.2, event.angleDelta.y / 120), p.x, p.y)
            }
        }
    }
    Row {
        anchors { right: parent.right; top: parent.top; margins: 12 }
        spacing: 8
        RoundButton { text: "\u2212"; Accessible.name: qsTr("Zoom out"); onClicked: popup.zoomAboutCentre(1 / 1.5) }
        RoundButton { text: "+"; Accessible.name: qsTr("Zoom in"); onClicked: popup.zoomAboutCentre(1.5) }
        RoundButton { text: "\u2715"; Accessible.name: qsTr("Close"); onClicked: popup.close() }
    }
}

import QtQuick
import QtQuick.Controls

// A full-screen viewer for an attached image: pinch, wheel or the buttons to zoom.
Popup {
    id: popup
    property string source
    property string name
    property real zoom: 1

    function show(src, title) {
        source = src
        name = title
        zoom = 1
        open()
    }

    parent: Overlay.overlay
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    padding: 0
    background: Rectangle { color: "#E6000000" }
    onClosed: source = "" // drop the decoded pixels

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: Math.max(width, image.width)
        contentHeight: Math.max(height, image.height)
        clip: true
        Image {
            id: image
            source: popup.source
            cache: false
            fillMode: Image.PreserveAspectFit
            width: flick.width * popup.zoom
            height: flick.height * popup.zoom
            sourceSize.width: 4096
            anchors.centerIn: popup.zoom <= 1 ? parent : undefined
            Accessible.name: popup.name
        }
        PinchHandler {
            target: null
            onActiveScaleChanged: popup.zoom = Math.max(1, Math.min(8, popup.zoom * activeScale / (activeScale > 1 ? activeScale : 1)))
        }
        WheelHandler {
            onWheel: (event) => popup.zoom = Math.max(1, Math.min(8, popup.zoom * (event.angleDelta.y > 0 ? 1.2 : 1 / 1.2)))
        }
    }
    Row {
        anchors { right: parent.right; top: parent.top; margins: 12 }
        spacing: 8
        RoundButton { text: "\u2212"; Accessible.name: qsTr("Zoom out"); onClicked: popup.zoom = Math.max(1, popup.zoom / 1.5) }
        RoundButton { text: "+"; Accessible.name: qsTr("Zoom in"); onClicked: popup.zoom = Math.min(8, popup.zoom * 1.5) }
        RoundButton { text: "\u2715"; Accessible.name: qsTr("Close"); onClicked: popup.close() }
    }
}

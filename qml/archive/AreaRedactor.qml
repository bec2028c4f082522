import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One screenshot, full screen, where the person drags boxes to black out of this copy: each box
// shows black at once, Undo takes the last one away. The boxes go to the controller in the
// image's stored pixels (the core fills them black in a new PNG; the vault's file is unchanged).
Popup {
    id: redactor
    required property ExportController exporter
    property string entryId
    property string name
    property string source
    property var stored: ({})   // {width, height} or {problem}
    readonly property var boxes: exporter.areaCount >= 0 ? exporter.areasOf(entryId, name) : [] // again as boxes change

    function show(shot) {
        entryId = shot.entryId
        name = shot.name
        stored = exporter.storedImage(shot.entryId, shot.name)
        source = stored.problem === undefined ? shot.source : ""
        open()
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
            RowLayout {
                anchors.fill: parent
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Drag over what to black out in %1").arg(redactor.name)
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                }
                ToolButton {
                    text: qsTr("Undo")
                    enabled: redactor.boxes.length > 0
                    Accessible.name: qsTr("Undo the last box")
                    onClicked: redactor.exporter.undoArea(redactor.entryId, redactor.name)
                }
                ToolButton {
                    text: qsTr("Done")
                    Accessible.name: qsTr("Done marking boxes")
                    onClicked: redactor.close()
                }
            }
        }
        Label {
            objectName: "redactorNote"
            textFormat: Text.PlainText
            text: redactor.stored.problem !== undefined ? redactor.stored.problem
                  : qsTr("Boxes to black out of this image, in this copy only: %1.").arg(redactor.boxes.length)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.margins: 12
        }
        Item {
            id: stage
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            Image {
                id: image
                objectName: "redactImage"
                anchors.fill: parent
                anchors.margins: 8
                source: redactor.source
                cache: false
                asynchronous: true
                fillMode: Image.PreserveAspectFit
                Accessible.name: qsTr("Screenshot %1").arg(redactor.name)
                // Where the picture is drawn inside the item, and screen points per stored pixel.
                readonly property real pixelScale: redactor.stored.width > 0 ? paintedWidth / redactor.stored.width : 0
                readonly property real pictureLeft: (width - paintedWidth) / 2
                readonly property real pictureTop: (height - paintedHeight) / 2

                Repeater {
                    model: image.status === Image.Ready ? redactor.boxes : []
                    Rectangle {
                        required property var modelData
                        color: "black"
                        x: image.pictureLeft + modelData.x * image.pixelScale
                        y: image.pictureTop + modelData.y * image.pixelScale
                        width: modelData.width * image.pixelScale
                        height: modelData.height * image.pixelScale
                    }
                }
                Rectangle { // the box being dragged
                    id: drawing
                    visible: area.pressed
                    color: "black"
                    opacity: 0.7
                    border.color: "white"
                }
                MouseArea {
                    id: area
                    anchors.fill: parent
                    enabled: image.status === Image.Ready && image.pixelScale > 0
                    property point start
                    function clamp(p) {
                        return Qt.point(Math.max(image.pictureLeft, Math.min(image.pictureLeft + image.paintedWidth, p.x)),
                                        Math.max(image.pictureTop, Math.min(image.pictureTop + image.paintedHeight, p.y)))
                    }
                    function stretch(p) {
                        const end = clamp(p)
                        drawing.x = Math.min(start.x, end.x)
                        drawing.y = Math.min(start.y, end.y)
                        drawing.width = Math.abs(end.x - start.x)
                        drawing.height = Math.abs(end.y - start.y)
                    }
                    onPressed: (mouse) => { start = clamp(Qt.point(mouse.x, mouse.y)); stretch(Qt.point(mouse.x, mouse.y)) }
                    onPositionChanged: (mouse) => stretch(Qt.point(mouse.x, mouse.y))
                    onReleased: (mouse) => {
                        stretch(Qt.point(mouse.x, mouse.y))
                        // Outwards to whole pixels: what was covered on screen is covered.
                        const x0 = Math.floor((drawing.x - image.pictureLeft) / image.pixelScale)
                        const y0 = Math.floor((drawing.y - image.pictureTop) / image.pixelScale)
                        const x1 = Math.ceil((drawing.x + drawing.width - image.pictureLeft) / image.pixelScale)
                        const y1 = Math.ceil((drawing.y + drawing.height - image.pictureTop) / image.pixelScale)
                        if (drawing.width >= 4 && drawing.height >= 4)
                            redactor.exporter.addArea(redactor.entryId, redactor.name, x0, y0, x1 - x0, y1 - y0)
                    }
                }
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: image.status === Image.Loading
            }
        }
    }
}

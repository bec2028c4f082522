import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The screenshots and photos of the pick list, each a card with its preview, time and tick.
ColumnLayout {
    id: pane
    required property IntakeController intake
    readonly property ImagePickModel images: intake.images
    spacing: 0

    RowLayout {
        spacing: 4
        Layout.fillWidth: true
        Layout.leftMargin: 8
        Layout.rightMargin: 8
        Button {
            flat: true
            text: qsTr("Select all")
            enabled: pane.images.choosable > 0
            Accessible.name: qsTr("Select every picture")
            onClicked: pane.images.chooseAll()
        }
        Button {
            flat: true
            text: qsTr("None")
            enabled: pane.images.chosen > 0
            Accessible.name: qsTr("Select none of the pictures")
            onClicked: pane.images.chooseNone()
        }
        Item { Layout.fillWidth: true }
    }
    Label {
        objectName: "pictureCount"
        textFormat: Text.PlainText
        text: qsTr("%1 of %2 chosen").arg(pane.images.chosen).arg(pane.images.count)
              + (pane.images.held > 0 ? " \u00b7 " + qsTr("%1 already in the journal").arg(pane.images.held) : "")
              + (pane.images.unreadable > 0 ? " \u00b7 " + qsTr("%1 cannot be imported").arg(pane.images.unreadable) : "")
        font.pixelSize: TextScale.small
        wrapMode: Text.WordWrap
        opacity: 0.8
        Layout.fillWidth: true
        Layout.leftMargin: 16
        Layout.rightMargin: 16
        Layout.bottomMargin: 4
    }
    Label {
        objectName: "locationWarning"
        textFormat: Text.PlainText
        visible: pane.images.chosenWithLocation > 0
        text: pane.images.chosenWithLocation === 1
              ? qsTr("1 chosen photo carries the place it was taken (GPS). It is kept inside the journal; an export for a lawyer shares it unless you leave the photo out.")
              : qsTr("%1 chosen photos carry the place they were taken (GPS). It is kept inside the journal; an export for a lawyer shares it unless you leave them out.").arg(pane.images.chosenWithLocation)
        color: Material.color(Material.Orange, Material.Shade800)
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.leftMargin: 16
        Layout.rightMargin: 16
        Layout.bottomMargin: 4
    }
    Rectangle { height: 1; color: Material.dividerColor; Layout.fillWidth: true }

    ListView {
        id: list
        objectName: "pictureList"
        model: pane.images
        clip: true
        spacing: 8
        topMargin: 8
        bottomMargin: 8
        boundsBehavior: Flickable.StopAtBounds
        Accessible.name: qsTr("Screenshots and photos to choose from")
        ScrollBar.vertical: ScrollBar {}
        delegate: ImageCard {
            x: 8
            width: list.width - 16
            images: pane.images
        }
        Layout.fillWidth: true
        Layout.fillHeight: true
    }
}

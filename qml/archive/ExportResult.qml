import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The finished archive: its file, size, SHA-256 (in groups, selectable, with Copy), number of
// exhibits and signing key, the generated passphrase once more, and what to tell the lawyer.
ColumnLayout {
    id: result
    required property ExportController exporter
    signal done()
    signal another()
    spacing: 12

    component Caption: Label {
        textFormat: Text.PlainText
        opacity: 0.7
        Layout.alignment: Qt.AlignTop
    }
    component Value: Label {
        textFormat: Text.PlainText
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        Layout.fillWidth: true
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("The archive is ready")
        font.pixelSize: TextScale.headline
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 6
        Layout.fillWidth: true

        Caption { text: qsTr("File") }
        Value {
            objectName: "archiveName"
            text: result.exporter.resultName
            font.weight: Font.DemiBold
            Accessible.name: qsTr("File: %1").arg(text)
        }
        Caption { text: qsTr("Folder") }
        Value {
            text: result.exporter.resultFolder
            Accessible.name: qsTr("Folder: %1").arg(text)
        }
        Caption { text: qsTr("Size") }
        Value {
            text: result.exporter.resultSize
            Accessible.name: qsTr("Size: %1").arg(text)
        }
        Caption { text: qsTr("Exhibits") }
        Value {
            objectName: "archiveExhibits"
            text: (result.exporter.resultExhibits === 1 ? qsTr("1 entry, %1") : qsTr("%1 entries, %2").arg(result.exporter.resultExhibits))
                  .arg(result.exporter.resultExhibitRange)
            Accessible.name: qsTr("Exhibits: %1").arg(text)
        }
        Caption {
            visible: result.exporter.resultHadPhrases
            text: qsTr("Blacked out")
        }
        Value {
            objectName: "archiveBlackedOut"
            visible: result.exporter.resultHadPhrases
            text: result.exporter.resultRedactedPlaces === 0
                  ? qsTr("None of the names or phrases appear in the exported entries.")
                  : (result.exporter.resultRedactedPlaces === 1 ? qsTr("1 place") : qsTr("%1 places").arg(result.exporter.resultRedactedPlaces))
                    + ", " + (result.exporter.resultRedactedEntries === 1 ? qsTr("in 1 entry") : qsTr("in %1 entries").arg(result.exporter.resultRedactedEntries))
            Accessible.name: qsTr("Blacked out: %1").arg(text)
        }
        Caption { text: qsTr("Opens with") }
        Value {
            objectName: "archiveOpensWith"
            text: result.exporter.resultUsedPassphrase ? qsTr("the passphrase")
                  : result.exporter.resultKeyCount === 1 ? qsTr("your lawyer's secret key")
                  : qsTr("the secret key of any one of %1 people").arg(result.exporter.resultKeyCount)
            Accessible.name: qsTr("Opens with: %1").arg(text)
        }
        Caption { text: qsTr("Signed by") }
        Value {
            objectName: "archiveKeyId"
            text: qsTr("key %1").arg(result.exporter.resultKeyId)
            font.family: "monospace"
            Accessible.name: qsTr("Signing key: %1").arg(result.exporter.resultKeyId)
        }
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("SHA-256 of the file")
        font.weight: Font.DemiBold
        Layout.topMargin: 4
    }
    // Selectable, and Copy puts the 64 digits alone on the clipboard, without the spaces.
    TextEdit {
        objectName: "archiveSha256"
        textFormat: TextEdit.PlainText
        text: result.exporter.resultSha256Groups
        readOnly: true
        selectByMouse: true
        selectByKeyboard: true
        activeFocusOnTab: true
        font.family: "monospace"
        font.pixelSize: TextScale.subtitle
        color: Material.foreground
        selectionColor: Material.accent
        selectedTextColor: "white"
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("SHA-256 of the file: %1").arg(result.exporter.resultSha256)
    }
    WrappingButton {
        text: qsTr("Copy the SHA-256")
        Accessible.name: text
        onClicked: {
            result.exporter.copyHash()
            hashCopied.visible = true
        }
    }
    Label {
        id: hashCopied
        textFormat: Text.PlainText
        visible: false
        text: qsTr("Copied.")
        font.pixelSize: TextScale.small
    }

    // The generated passphrase: this page is the last place it is shown.
    Pane {
        visible: result.exporter.resultUsedPassphrase && result.exporter.generatedPassphrase.length > 0
        padding: 12
        Layout.fillWidth: true
        background: Rectangle {
            radius: 4
            color: Material.theme === Material.Dark ? Qt.rgba(1, 0.76, 0.03, 0.12) : Material.color(Material.Amber, Material.Shade50)
            border.color: Material.color(Material.Amber, Material.Shade700)
        }
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label {
                textFormat: Text.PlainText
                text: qsTr("The passphrase")
                font.weight: Font.DemiBold
            }
            PassphraseGroups {
                objectName: "resultPassphrase"
                passphrase: result.exporter.generatedPassphrase
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("It is not kept anywhere. Read it to your lawyer now, or write it down, before you leave this page.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy the passphrase (it leaves the clipboard after a minute)")
                onClicked: result.exporter.copyPassphrase()
            }
        }
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("What to tell your lawyer")
        font.weight: Font.DemiBold
        font.pixelSize: TextScale.subtitle
        Layout.topMargin: 8
    }
    Label {
        objectName: "tellTheLawyer"
        textFormat: Text.PlainText
        text: (result.exporter.resultUsedPassphrase
               ? qsTr("Send them %1 (by email, a file transfer service or on a USB drive). Tell them the passphrase by phone or in person, never in the same email or message as the file.").arg(result.exporter.resultName)
               : result.exporter.resultKeyCount > 1
               ? qsTr("Send %1 to each of the %2 people whose keys you added (by email, a file transfer service or on a USB drive). Each opens it with their own secret key; nobody else can.").arg(result.exporter.resultName).arg(result.exporter.resultKeyCount)
               : qsTr("Send them %1 (by email, a file transfer service or on a USB drive). Only their secret key opens it.").arg(result.exporter.resultName))
              + " " + qsTr("Read them the SHA-256 above by phone, so they can check that the file they received is the one you made. Inside the archive, VERIFY.txt explains step by step how to open and check it with the standard tools age, unzip, sha256sum and minisign; every export of this vault is signed by key %1.").arg(result.exporter.resultKeyId)
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Flow {
        spacing: 8
        Layout.fillWidth: true
        Layout.topMargin: 8
        Button {
            text: qsTr("Done")
            highlighted: true
            Accessible.name: qsTr("Done: close the export")
            onClicked: result.done()
        }
        Button {
            flat: true
            text: qsTr("Export another")
            Accessible.name: qsTr("Export another archive")
            onClicked: result.another()
        }
    }
}

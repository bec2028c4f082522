import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// "I already have a Paper Trail vault": where the other device syncs to, the vault found there,
// the passphrase or recovery key, then the journal comes in and the timeline opens.
Page {
    id: page
    required property VaultController controller
    signal back()
    title: qsTr("Link this device")

    readonly property bool webDav: locationField.text.trim().startsWith("http://") || locationField.text.trim().startsWith("https://")
    property string chosenId: ""
    property bool useRecoveryKey: false

    LinkController {
        id: link
        controller: page.controller
        onFoundChanged: {
            page.chosenId = link.vaults.length === 1 ? link.vaults[0].id : ""
            secretField.clear()
        }
        onStepChanged: {
            if (link.step === LinkController.Secret)
                secretField.forceActiveFocus()
            else if (link.step === LinkController.Remote)
                locationField.forceActiveFocus()
        }
    }

    function goBack() {
        if (link.step === LinkController.Secret)
            link.changeRemote()
        else
            page.back()
    }

    Shortcut { sequences: [StandardKey.Back]; enabled: !link.busy; onActivated: page.goBack() }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                enabled: !link.busy
                Accessible.name: qsTr("Back")
                onClicked: page.goBack()
            }
            Label {
                textFormat: Text.PlainText
                text: page.title
                font.pixelSize: TextScale.title
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 48
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            width: Math.min(flick.width - 48, 520)
            x: (flick.width - width) / 2
            y: 24
            spacing: 14

            // 1. Where the other device syncs to.
            Label {
                textFormat: Text.PlainText
                visible: link.step === LinkController.Remote
                text: qsTr("On the device that has your vault, Settings, Sync shows the folder or WebDAV server it syncs with. Enter the same one here. This device gets its own key and a full copy of the journal; your passphrase stays the same.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                visible: link.step === LinkController.Remote
                spacing: 8
                Layout.fillWidth: true
                TextField {
                    id: locationField
                    focus: true
                    enabled: !link.busy
                    placeholderText: qsTr("A folder, or https://your-server/remote.php/dav/files/you")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhUrlCharactersOnly
                    Accessible.name: qsTr("Folder or WebDAV address")
                    Layout.fillWidth: true
                    onAccepted: page.webDav ? userField.forceActiveFocus() : findButton.clicked()
                    Component.onCompleted: forceActiveFocus()
                }
                Button {
                    text: qsTr("Folder\u2026")
                    enabled: !link.busy
                    Accessible.name: qsTr("Choose a folder")
                    onClicked: folderDialog.open()
                }
            }
            TextField {
                id: userField
                visible: link.step === LinkController.Remote && page.webDav
                enabled: !link.busy
                placeholderText: qsTr("User name")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("WebDAV user name")
                Layout.fillWidth: true
                onAccepted: passwordField.forceActiveFocus()
            }
            TextField {
                id: passwordField
                visible: link.step === LinkController.Remote && page.webDav
                enabled: !link.busy
                echoMode: TextInput.Password
                placeholderText: qsTr("App password (kept in the keychain)")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("WebDAV app password")
                Layout.fillWidth: true
                onAccepted: findButton.clicked()
            }
            Button {
                id: findButton
                visible: link.step === LinkController.Remote
                text: link.busy ? qsTr("Looking\u2026") : qsTr("Find my vault")
                highlighted: true
                enabled: !link.busy && locationField.text.trim().length > 0
                Accessible.name: qsTr("Find my vault")
                Layout.fillWidth: true
                onClicked: link.find(locationField.text, userField.text, passwordField.text)
            }
            ErrorLabel { text: link.errorMessage; visible: link.step === LinkController.Remote && text.length > 0 }
            CertificateCheck {
                visible: link.step === LinkController.Remote && fingerprint.length > 0
                fingerprint: link.certificateFingerprint
                replaced: link.certificateReplaced
                busy: link.busy
                onTrusted: link.trustCertificate()
                Layout.fillWidth: true
            }

            // 2. The vault found there, and the secret that opens it.
            Label {
                textFormat: Text.PlainText
                visible: link.step === LinkController.Secret
                text: link.vaults.length === 1 ? qsTr("Found your vault on %1.").arg(link.location)
                                               : qsTr("%1 holds %2 vaults. Choose the one to link this device to.").arg(link.location).arg(link.vaults.length)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            // One vault: what it is. Several: a choice, none made for the person.
            ColumnLayout {
                visible: link.step === LinkController.Secret && link.vaults.length === 1
                spacing: 2
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: link.vaults.length === 1 ? link.vaults[0].title : ""
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: link.vaults.length === 1 ? link.vaults[0].detail : ""
                    font.pixelSize: TextScale.caption
                    opacity: 0.7
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Repeater {
                model: link.step === LinkController.Secret && link.vaults.length > 1 ? link.vaults : []
                delegate: RadioButton {
                    id: choice
                    required property var modelData
                    text: modelData.title
                    checked: page.chosenId === modelData.id
                    enabled: !link.busy
                    Accessible.name: modelData.title + ", " + modelData.detail
                    onClicked: page.chosenId = modelData.id
                    contentItem: Column {
                        leftPadding: choice.indicator.width + choice.spacing
                        Label {
                            textFormat: Text.PlainText
                            text: choice.modelData.title
                            width: parent.width - parent.leftPadding
                            wrapMode: Text.Wrap
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: choice.modelData.detail
                            font.pixelSize: TextScale.caption
                            opacity: 0.7
                            width: parent.width - parent.leftPadding
                            wrapMode: Text.Wrap
                        }
                    }
                    Layout.fillWidth: true
                }
            }
            TextField {
                id: secretField
                visible: link.step === LinkController.Secret
                enabled: !link.busy
                echoMode: page.useRecoveryKey ? TextInput.Normal : TextInput.Password
                placeholderText: page.useRecoveryKey ? qsTr("Recovery key (ptrk1\u2026)") : qsTr("Passphrase")
                // Keyboards must not learn, suggest or capitalise the passphrase or the key.
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: page.useRecoveryKey ? qsTr("Recovery key") : qsTr("Passphrase")
                Layout.fillWidth: true
                onAccepted: linkButton.clicked()
            }
            Button {
                id: linkButton
                visible: link.step === LinkController.Secret
                text: qsTr("Link this device")
                highlighted: true
                enabled: !link.busy && page.chosenId.length > 0 && secretField.text.length > 0
                Accessible.name: qsTr("Link this device")
                Layout.fillWidth: true
                onClicked: {
                    link.link(page.chosenId, secretField.text, page.useRecoveryKey)
                    secretField.clear()
                }
            }
            ErrorLabel { text: link.errorMessage; visible: link.step === LinkController.Secret && text.length > 0 }
            Flow {
                visible: link.step === LinkController.Secret
                spacing: 8
                Layout.fillWidth: true
                Button {
                    flat: true
                    text: page.useRecoveryKey ? qsTr("Use my passphrase") : qsTr("Use the recovery key")
                    onClicked: { page.useRecoveryKey = !page.useRecoveryKey; secretField.clear(); secretField.forceActiveFocus() }
                }
                Button {
                    flat: true
                    text: qsTr("Use another folder or server")
                    onClicked: link.changeRemote()
                }
            }

            // What runs now: looking for the vault, or the link itself.
            Label {
                textFormat: Text.PlainText
                visible: link.step === LinkController.Linking
                text: qsTr("Linking this device to your vault on %1. It gets its own signing key, and the whole journal comes down once; that can take a while the first time.").arg(link.location)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ColumnLayout {
                visible: link.busy
                spacing: 8
                Layout.fillWidth: true
                ProgressBar {
                    indeterminate: true
                    Accessible.name: qsTr("Working")
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: link.progressText
                    visible: text.length > 0
                    wrapMode: Text.Wrap
                    Accessible.name: qsTr("Progress: %1").arg(text)
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Cancel")
                    Accessible.name: link.step === LinkController.Linking ? qsTr("Cancel linking") : qsTr("Stop looking")
                    onClicked: link.cancel()
                }
            }
        }
    }

    // What went wrong, under the button that caused it, in plain words with what to do.
    component ErrorLabel: Label {
        textFormat: Text.PlainText
        color: Material.color(Material.Red)
        wrapMode: Text.Wrap
        Accessible.name: qsTr("Problem: %1").arg(text)
        Layout.fillWidth: true
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Your synced folder")
        onAccepted: locationField.text = link.folderPath(selectedFolder)
    }
}

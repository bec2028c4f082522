import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Settings' Sync section: where this vault's copy lives (a folder or a WebDAV server the person
// owns), Sync now, and what the last sync did, in words; a certificate to compare and trust.
ColumnLayout {
    id: section
    required property SyncController sync // MainView's: it syncs whether or not this page is shown
    spacing: 10

    Label { textFormat: Text.PlainText; text: qsTr("Sync"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle }
    Label {
        textFormat: Text.PlainText
        text: section.sync.statusText
        visible: text.length > 0
        wrapMode: Text.WordWrap
        color: section.sync.status === SyncController.Failed ? Material.color(Material.Red) : Material.foreground
        Accessible.name: qsTr("Sync status: %1").arg(text)
        Layout.fillWidth: true
    }
    TextField {
        id: locationField
        text: section.sync.location
        placeholderText: qsTr("A folder you own, or https://your-server/remote.php/dav/files/you")
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhUrlCharactersOnly
        Accessible.name: qsTr("Sync folder or WebDAV address")
        Layout.fillWidth: true
    }
    readonly property bool webDav: locationField.text.startsWith("http://") || locationField.text.startsWith("https://")
    TextField {
        id: userField
        visible: section.webDav
        text: section.sync.user
        placeholderText: qsTr("User name")
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        Accessible.name: qsTr("WebDAV user name")
        Layout.fillWidth: true
    }
    TextField {
        id: passwordField
        visible: section.webDav
        echoMode: TextInput.Password
        placeholderText: qsTr("App password (kept in the keychain)")
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        Accessible.name: qsTr("WebDAV app password")
        Layout.fillWidth: true
    }
    CertificateCheck {
        visible: fingerprint.length > 0 && !section.sync.running
        fingerprint: section.sync.certificateFingerprint
        replaced: section.sync.certificateReplaced
        busy: section.sync.running
        onTrusted: section.sync.trustCertificate()
        Layout.fillWidth: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Button {
            text: qsTr("Use this remote")
            enabled: locationField.text.length > 0 && !section.sync.running
                     && (locationField.text !== section.sync.location || userField.text !== section.sync.user || passwordField.text.length > 0)
            Accessible.name: qsTr("Sync with this folder or server")
            onClicked: if (section.sync.setRemote(locationField.text, userField.text, passwordField.text)) passwordField.clear()
        }
        Button {
            text: section.sync.running ? qsTr("Syncing\u2026") : qsTr("Sync now")
            enabled: section.sync.configured && !section.sync.running
            Accessible.name: qsTr("Sync now")
            onClicked: section.sync.syncNow()
        }
    }
}

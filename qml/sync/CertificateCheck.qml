import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// A server certificate this device does not trust, shown so the person can compare it with the
// server's before trusting it: its SHA-256 fingerprint in a fixed-width font, four lines of eight
// pairs to read aloud, how to find the server's own, and a button that pins this one alone.
// Nothing is trusted until that button is pressed.
Pane {
    id: check
    property string fingerprint: ""  // four lines of eight pairs (readableFingerprint)
    property bool replaced: false    // a different certificate from the one trusted before
    property bool busy: false
    signal trusted()

    visible: fingerprint.length > 0
    padding: 12
    // Its texts wrap: the layout it sits in gives it the width, not the unwrapped texts' length.
    implicitWidth: 240
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
            text: check.replaced ? qsTr("This is not the certificate you trusted") : qsTr("Check the server's certificate")
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: check.replaced
                  ? qsTr("The server showed a different certificate from the one you trusted before. If it was renewed or replaced, compare the new one as you did the first time. If not, someone may be between this device and the server: do not trust it, and try again from another network.")
                  : qsTr("This device does not know the certificate the server showed. That is usual for a server you run yourself, but it is also what someone between you and the server would show. Trust it only if these 32 pairs are the server's own.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "certificateFingerprint"
            textFormat: Text.PlainText
            text: check.fingerprint
            font.family: "monospace"
            font.pixelSize: TextScale.subtitle
            lineHeight: 1.2
            Accessible.name: qsTr("SHA-256 fingerprint: %1").arg(check.fingerprint)
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("To see the server's own, run this on the server with its certificate file (it prints the same pairs, joined by colons), or ask whoever runs it to read it to you. Compare every pair.")
            wrapMode: Text.WordWrap
            font.pixelSize: TextScale.small
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: "openssl x509 -noout -fingerprint -sha256 -in cert.pem"
            font.family: "monospace"
            font.pixelSize: TextScale.small
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Trust this certificate")
            enabled: !check.busy
            Accessible.name: qsTr("Trust this certificate")
            onClicked: check.trusted()
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

ApplicationWindow {
    id: window
    required property VaultController controller
    // Files handed to the app (papertrail FILE..., "Open with"), waiting for the intake:
    // intake/FileHandoff, set from main.cpp; null in tests that load Main.qml without it.
    property QtObject fileHandoff: null
    // Two panes side by side from tablet width up; one column on a phone.
    readonly property bool wide: width >= 840

    width: 390
    height: 844
    visible: true
    title: qsTr("Paper Trail")
    font.pixelSize: TextScale.body // every control inherits it: text follows the system's size
    Material.theme: controller.theme === VaultController.DarkTheme ? Material.Dark
                    : controller.theme === VaultController.LightTheme ? Material.Light : Material.System
    Material.accent: Material.Teal
    Material.primary: Material.BlueGrey

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: pageFor()
        Component.onCompleted: Qt.callLater(window.openHandedFiles)
    }

    function pageFor() {
        if (controller.recoveryKey.length > 0)
            return recoveryPage
        switch (controller.state) {
        case VaultController.NoVault: return createPage
        case VaultController.Locked: return unlockPage
        default: return mainView
        }
    }

    function show() {
        stack.replace(null, pageFor())
        Qt.callLater(window.openHandedFiles)
    }

    // Files handed to the app (papertrail FILE..., "Open with") go to the intake page once the
    // vault is open: shown there to choose from, nothing imported before that.
    function openHandedFiles() {
        if (!fileHandoff || fileHandoff.pendingFiles.length === 0 || !stack.currentItem
                || stack.currentItem.objectName !== "mainView")
            return
        const urls = fileHandoff.takePendingFiles().map(
            path => "file://" + path.split("/").map(encodeURIComponent).join("/"))
        stack.currentItem.openIntake(urls, false)
    }

    Connections {
        target: window.fileHandoff
        ignoreUnknownSignals: true
        function onPendingFilesChanged() { window.openHandedFiles() }
    }

    Connections {
        target: window.controller
        function onStateChanged() { window.show() }
        function onRecoveryKeyChanged() { window.show() }
    }

    Component { id: createPage; CreateVaultPage { controller: window.controller; onLinkRequested: stack.push(linkPage) } }
    Component { id: linkPage; LinkVaultPage { controller: window.controller; onBack: stack.pop() } }
    Component { id: unlockPage; UnlockPage { controller: window.controller } }
    Component { id: recoveryPage; RecoveryKeyPage { controller: window.controller } }
    Component { id: mainView; MainView { objectName: "mainView"; controller: window.controller; wide: window.wide } }
}

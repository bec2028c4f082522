pragma Singleton
import QtQuick

// The grid's colours: green for the best grades, amber between, red for the worst, blue-grey for
// a grade in the manager's own words off the scale, pale for no grade. Each cell also carries its
// grade's words, so colour is never the only sign.
QtObject {
    function of(score, grade) {
        if (grade === undefined || grade.length === 0)
            return "#ECEFF1"
        if (score < 0)
            return "#90A4AE"
        if (score >= 0.75)
            return "#43A047"
        if (score >= 0.4)
            return "#FBC02D"
        return "#E53935"
    }
    function job(answer) {
        return answer === "yes" ? "#43A047" : answer === "no" ? "#E53935" : answer === "unsure" ? "#FBC02D" : "#ECEFF1"
    }
    function jobText(answer) {
        return answer === "yes" ? qsTr("Yes") : answer === "no" ? qsTr("No") : answer === "unsure" ? qsTr("Would not say") : qsTr("Not asked")
    }
    function notHeldText(reason) {
        return reason === "cancelled" ? qsTr("cancelled by the manager")
             : reason === "refused" ? qsTr("the manager refused to meet")
             : reason === "no-show" ? qsTr("the manager did not come")
             : qsTr("did not happen")
    }
}

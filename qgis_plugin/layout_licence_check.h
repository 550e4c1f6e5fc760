#pragma once

#include <QPointer>
#include <qgsabstractvaliditycheck.h>
#include <qgsvaliditycheckcontext.h>

namespace geolicence::qgis {

class AttributionKeeper;
class LicenceState;

// Runs before every layout export from the designer (PDF, image, SVG, print, atlas): the
// layers the layout's maps render must be publishable (or usable internally when the layout
// is marked an internal working document), and the attributions and legends they owe must be
// on the layout. A prohibition or an unmet duty is Critical, so QGIS blocks the export; an
// unlicensed layer is a Warning.
class LayoutLicenceCheck : public QgsAbstractValidityCheck {
public:
    static const QString kId;

    // The plugin's state, shared by the instances QGIS creates; null while unloaded.
    static void setState(LicenceState* state);
    // Brings the layout's attribution label up to date right before the export is checked.
    static void setKeeper(AttributionKeeper* keeper);

    QgsAbstractValidityCheck* create() const override;
    QString id() const override;
    int checkType() const override;
    bool prepareCheck(const QgsValidityCheckContext* context, QgsFeedback* feedback) override;
    QList<QgsValidityCheckResult> runCheck(const QgsValidityCheckContext* context,
                                           QgsFeedback* feedback) override;

private:
    QList<QgsValidityCheckResult> results_;
};

} // namespace geolicence::qgis

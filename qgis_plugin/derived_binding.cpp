#include "derived_binding.h"

#include "licence_state.h"
#include "qgis_snapshot.h"
#include "translate.h"

#include <geolicence/data_source.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/project_binding.h>
#include <geolicence/rule_ids.h>

#include <QFileInfo>
#include <algorithm>
#include <qgsdatasourceuri.h>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

namespace {

bool isDatasetCarrier(const std::string& from) {
    return from == "sidecar" || from == "geopackage-metadata";
}

// The file behind a layer or a destination, when there is one on disk.
std::optional<DataSourceFile> existingFile(const QString& provider, const QString& source) {
    auto file = dataSourceFile(provider.toStdString(), source.toStdString());
    if (!file || !QFileInfo(QString::fromStdString(file->path.string())).isFile()) {
        return std::nullopt;
    }
    file->path =
        QFileInfo(QString::fromStdString(file->path.string())).absoluteFilePath().toStdString();
    return file;
}

bool isGeoPackage(const DataSourceFile& file) {
    return QFileInfo(QString::fromStdString(file.path.string()))
               .suffix()
               .compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0;
}

// Every licence the readable carriers of a layer name: when they disagree, none of them is
// dropped.
LicenceBinding unionOfCarriers(const LayerBindingResult& bound) {
    LicenceBinding all;
    all.from = "derived";
    for (const BindingSource& source : bound.sources) {
        if (!source.binding) {
            continue;
        }
        for (const BoundLicence& licence : source.binding->licences) {
            addLicence(all.licences, licence);
        }
        if (all.derived_from.empty()) {
            all.derived_from = source.binding->derived_from;
        }
    }
    return all;
}

QString problemText(const std::vector<Finding>& problems) {
    QStringList texts;
    for (const Finding& finding : problems) {
        if (finding.severity == Severity::Error) {
            texts << QString::fromStdString(finding.message);
        }
    }
    return texts.join(QStringLiteral("; "));
}

// Writes `binding` as the dataset carrier of `file` (GeoPackage metadata of its table, or a
// sidecar), with the attribution texts it owes.
void writeFileCarrier(const LicenceState& state, const DataSourceFile& file,
                      const LicenceBinding& binding) {
    DatasetLicence licence;
    licence.binding = binding;
    // The finest cell size any of its licences records: what is written is no coarser.
    std::optional<double> cell_size;
    for (const BoundLicence& bound : binding.licences) {
        const auto cell = bound.options.find("cell_size_m");
        if (cell != bound.options.end() && std::holds_alternative<double>(cell->second)) {
            cell_size = std::min(cell_size.value_or(std::get<double>(cell->second)),
                                 std::get<double>(cell->second));
        }
    }
    licence.attribution =
        attributionTexts(state.catalog(), binding, cell_size.value_or(0.0), state.language());
    writeDatasetLicence(file.path, licence, state.catalog(),
                        isGeoPackage(file) ? file.layer_name : std::string());
}

void writeCustomProperties(QgsMapLayer& layer, const LicenceBinding& binding) {
    for (const auto& [key, value] : bindingProperties(binding)) {
        const QString name = QString::fromStdString(key);
        if (value.empty()) {
            layer.removeCustomProperty(name);
        } else {
            layer.setCustomProperty(name, QString::fromStdString(value));
        }
    }
}

} // namespace

namespace {

QString nameOf(const QString& provider, const QString& source) {
    if (const auto file = existingFile(provider, source)) {
        QString path = QString::fromStdString(file->path.string());
        if (!file->layer_name.empty()) {
            path += QStringLiteral("|layername=") + QString::fromStdString(file->layer_name);
        }
        return path;
    }
    return QString::fromStdString(
        shownSource(QgsDataSourceUri::removePassword(source).toStdString()));
}

} // namespace

QString sourceName(const QgsMapLayer& layer) {
    if (layer.providerType() == QLatin1String("memory")) {
        return QStringLiteral("memory:") + layer.name();
    }
    return nameOf(layer.providerType(), layer.source());
}

QString sourceName(const QString& source) {
    return nameOf(QStringLiteral("ogr"), source);
}

QString licenceNames(const LicenceState& state, const LicenceBinding& binding) {
    QStringList names;
    for (const BoundLicence& licence : binding.licences) {
        const LicenceProfile* profile = state.catalog().find(licence.licence_id);
        names << QString::fromStdString(profile != nullptr ? profile->title.in(state.language())
                                                           : licence.licence_id);
    }
    return names.join(QStringLiteral(" + "));
}

DerivationInput derivationInputOf(const LicenceState& state, const QgsMapLayer& layer) {
    DerivationInput input;
    input.source.source = sourceName(layer).toStdString();
    std::vector<Finding> problems;
    input.source.binding = state.inputOf(layer, problems).binding;
    const bool conflict = std::any_of(problems.begin(), problems.end(), [](const Finding& f) {
        return f.severity == Severity::Error && f.rule == rule_ids::kBindingConflict;
    });
    if (conflict) {
        input.source.binding = unionOfCarriers(state.bindingOf(layer));
    }
    input.problem = problemText(problems);
    return input;
}

DerivationInput derivationInputOf(const LicenceState& state, const QString& source) {
    DerivationInput input;
    ProjectLayer layer;
    layer.id = source.toStdString();
    layer.name = layer.id;
    layer.provider = "ogr";
    layer.source = layer.id;
    input.source.source = sourceName(source).toStdString();
    const LayerBinder binder(state.catalog());
    std::vector<Finding> problems;
    LayerBindingResult bound;
    input.source.binding = bindProjectLayer(binder, state.catalog(), layer, state.bindingDefaults(),
                                            state.language(), problems, &bound)
                               .binding;
    if (std::any_of(problems.begin(), problems.end(), [](const Finding& f) {
            return f.severity == Severity::Error && f.rule == rule_ids::kBindingConflict;
        })) {
        input.source.binding = unionOfCarriers(bound);
    }
    input.problem = problemText(problems);
    return input;
}

WrittenBinding writeDerivedBinding(LicenceState& state, QgsMapLayer& layer,
                                   const LicenceBinding& binding) {
    WrittenBinding written;
    written.target = layer.name();
    // Read afresh, not from the plugin's cache: an output outside the project is not watched.
    const LayerBinder binder(state.catalog());
    const LayerBindingResult bound = binder.bind(snapshotLayer(layer), state.language());
    bool custom = false;
    bool dataset = false;
    for (const BindingSource& source : bound.sources) {
        custom = custom || source.from == "custom-property";
        dataset = dataset || isDatasetCarrier(source.from);
    }
    const auto file = existingFile(layer.providerType(), layer.source());
    if (!custom && !dataset) {
        // A new binding: with the file it travels with the data; a layer without a file
        // (memory, a database) carries it in the project.
        dataset = file.has_value();
        custom = !dataset;
    }
    try {
        if (dataset && file) {
            writeFileCarrier(state, *file, binding);
            written.carriers << (isGeoPackage(*file) ? QStringLiteral("geopackage-metadata")
                                                     : QStringLiteral("sidecar"));
            state.refreshLayersOnFile(QString::fromStdString(file->path.string()));
        }
        if (custom) {
            writeCustomProperties(layer, binding);
            written.carriers << QStringLiteral("custom-property");
        }
    } catch (const Error& e) {
        written.error = QString::fromStdString(e.what());
    }
    return written;
}

WrittenBinding writeDerivedBinding(LicenceState& state, const QString& destination,
                                   const LicenceBinding& binding) {
    WrittenBinding written;
    written.target = destination;
    const auto file = existingFile(QStringLiteral("ogr"), destination);
    if (!file) {
        written.error = gtr("it is not a file a licence can be written to");
        return written;
    }
    written.target = QString::fromStdString(file->path.string());
    try {
        writeFileCarrier(state, *file, binding);
        written.carriers << (isGeoPackage(*file) ? QStringLiteral("geopackage-metadata")
                                                 : QStringLiteral("sidecar"));
        state.refreshLayersOnFile(written.target);
    } catch (const Error& e) {
        written.error = QString::fromStdString(e.what());
    }
    return written;
}

} // namespace geolicence::qgis

#include <geolicence/errors.h>
#include <geolicence/pdf_check.h>
#include <geolicence/pdf_text.h>

namespace geolicence {

CheckResult checkPdf(const std::filesystem::path& pdf, const Project& project,
                     const Catalog& catalog, CheckRequest request) {
    if (!request.layout) {
        throw InputError(pdf.string() + ": name the layout it was exported from to check what "
                                        "it owes");
    }
    request.published = PublishedText(pdf.string(), readPdfText(pdf).readings);
    CheckResult result = checkProject(project, catalog, request);
    result.subject = pdf.string();
    return result;
}

} // namespace geolicence

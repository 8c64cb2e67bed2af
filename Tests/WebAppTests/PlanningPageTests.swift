import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Capacity planning pages")
struct PlanningPageTests {
    func page(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: headers) { result = ($0.status, $0.body.string) }
        return result
    }

    @Test(
        "an analyst asks where two beds should go, watches the run, and reads the report with its chart and CSV",
        arguments: TestDatabase.all)
    func runToReport(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (analyst, csrf) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let (status, form) = try await page(app, "/planning", analyst)
            #expect(status == .ok)
            #expect(form.contains("No run yet."))
            var location = ""
            try await app.testing().test(
                .POST, "/planning", headers: analyst,
                beforeRequest: {
                    try $0.content.encode(
                        [
                            "csrfToken": csrf, "addBeds": "2", "objective": "placed-within-km",
                            "withinKilometres": "80", "replications": "3", "waitDays": "14",
                        ], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/planning/runs/"))
            var html = ""
            for _ in 0..<600 {
                html = try await page(app, location, analyst).1
                if !html.contains("http-equiv=\"refresh\"") { break }
                #expect(html.contains("<progress"))
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(html.contains("Finished"), "the run ends")
            #expect(html.contains("Recommended beds"))
            #expect(html.contains("<svg class=\"chart\""))
            #expect(html.contains("share of children placed within 80 km"))
            #expect(html.contains("North West"), "the regions table")
            #expect(html.contains("synthetic demo data"))

            var csv = ""
            try await app.testing().test(.GET, location + "/plan.csv", headers: analyst) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "csv")
                csv = response.body.string
            }
            let lines = csv.split(separator: "\n")
            #expect(lines.first?.hasPrefix("beds_added,home,region,new_home,objective") == true)
            #expect(
                lines.dropFirst(2).first?.hasPrefix("1,") == true || lines.dropFirst(2).first?.hasPrefix("2,") == true)
            #expect(lines.last == "# synthetic demo data")

            let list = try await page(app, "/planning", analyst).1
            #expect(list.contains("Add 2 welfare beds to raise the share of children placed within 80 km"))
            let audit = try await Store(app.db).auditEvents()
            #expect(audit.contains { $0.entry.action == "planning-run.create" })
        }
    }

    @Test(
        "an analyst compares broadcast, ranked waves and allocation rounds and reads every figure by group, with its CSV",
        arguments: TestDatabase.all)
    func circulationComparison(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (analyst, csrf) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let form = try await page(app, "/planning", analyst).1
            #expect(form.contains("Ways of circulating compared"))
            var location = ""
            try await app.testing().test(
                .POST, "/planning/circulation", headers: analyst,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "comparisonReplications": "2", "comparisonWaitDays": "14"],
                        as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/planning/runs/"))
            var html = ""
            for _ in 0..<600 {
                html = try await page(app, location, analyst).1
                if !html.contains("http-equiv=\"refresh\"") { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(html.contains("<h1 class=\"heading-xl\">Ways of circulating compared</h1>"))
            #expect(html.contains("Finished"), "the run ends")
            for policy in ["Broadcast", "Ranked waves of 3, a day apart", "Allocation rounds every day"] {
                #expect(html.contains("<th scope=\"row\">\(policy)</th>"), "\(policy)")
            }
            #expect(html.contains("Boys of 15 or over with an offending, gang or harmful sexual behaviour flag"))
            #expect(html.contains("<svg class=\"chart\""))
            #expect(html.contains("Reference"), "broadcast is what the others are measured against")
            #expect(html.contains(" points ("), "changes come with their intervals")
            #expect(html.contains("never refuses a child"))

            var csv = ""
            try await app.testing().test(.GET, location + "/plan.csv", headers: analyst) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentDisposition?.filename == "circulation-compared.csv")
                csv = response.body.string
            }
            let lines = csv.split(separator: "\n")
            #expect(lines.first == "# SYNTHETIC DEMO DATA — not real children or homes")
            #expect(lines.dropFirst().first?.hasPrefix("group,policy,referred_per_replication,placed,") == true)
            let rows = lines.dropFirst(2)
            #expect(rows.count == 9, "three groups by three ways")
            #expect(rows.filter { $0.hasPrefix("older-boys-with-refusal-flags,allocation-rounds,") }.count == 1)
            // The reference row has no change; the others have one, with bounds around it.
            let broadcast = rows.first { $0.hasPrefix("everyone,broadcast,") }!.split(
                separator: ",", omittingEmptySubsequences: false)
            let waves = rows.first { $0.hasPrefix("everyone,ranked-waves,") }!.split(
                separator: ",", omittingEmptySubsequences: false)
            #expect(broadcast[12].isEmpty)
            let change = Double(waves[12])!
            #expect(Double(waves[13])! <= change && change <= Double(waves[14])!)
            #expect(
                try await page(app, "/planning", analyst).1.contains(
                    "Compare broadcast, ranked waves and allocation rounds (2 replications, 14-day wait)"))
        }
    }

    @Test("the comparison's form with mistakes comes back with its messages beside its own fields")
    func comparisonFormErrors() async throws {
        try await withApp(.sqlite) { app in
            let (analyst, csrf) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            var html = ""
            try await app.testing().test(
                .POST, "/planning/circulation", headers: analyst,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "comparisonReplications": "1", "comparisonWaitDays": "a fortnight"],
                        as: .urlEncodedForm)
                }
            ) {
                #expect($0.status == .ok)
                html = $0.body.string
            }
            #expect(html.contains("id=\"comparisonReplications-error\""))
            #expect(html.contains("id=\"comparisonWaitDays-error\""))
            #expect(!html.contains("id=\"replications-error\""), "the optimiser's own field is left alone")
            #expect(html.contains("value=\"a fortnight\""), "what was typed is kept")
            #expect(html.contains("No run yet."))
        }
    }

    @Test("a form with mistakes comes back with each message beside its field and starts nothing")
    func formErrors() async throws {
        try await withApp(.sqlite) { app in
            let (coordinator, csrf) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            var html = ""
            try await app.testing().test(
                .POST, "/planning", headers: coordinator,
                beforeRequest: {
                    try $0.content.encode(
                        [
                            "csrfToken": csrf, "addBeds": "lots", "objective": "placed-within-km",
                            "withinKilometres": "far", "replications": "1", "waitDays": "14",
                        ], as: .urlEncodedForm)
                }
            ) { html = $0.body.string }
            #expect(html.contains("<title>Error: Capacity planning"))
            #expect(html.contains("id=\"addBeds-error\""))
            #expect(html.contains("Enter a whole number of beds from 1 to 100."))
            #expect(html.contains("Enter a distance in kilometres from 1 to 1,000."))
            #expect(html.contains("Enter a whole number of replications from 2 to 100."))
            #expect(html.contains("value=\"lots\""), "what was typed is kept")
            #expect(html.contains("No run yet."))
        }
    }

    @Test("only analysts and coordinators plan capacity; an unknown run is not found")
    func access() async throws {
        try await withApp(.sqlite) { app in
            for email in [
                "referrer.manchester@secureplace.example", "manager.sch-ne-01@secureplace.example",
                "inspector.ofsted@secureplace.example", "admin@secureplace.example",
            ] {
                let (headers, csrf) = try await app.sessionHeaders(for: email)
                #expect(try await page(app, "/planning", headers).0 == .forbidden, "\(email)")
                try await app.testing().test(
                    .POST, "/planning", headers: headers,
                    beforeRequest: {
                        try $0.content.encode(
                            ["csrfToken": csrf, "addBeds": "2", "objective": "placement-rate"], as: .urlEncodedForm)
                    }
                ) { #expect($0.status == .forbidden, "\(email)") }
                try await app.testing().test(
                    .POST, "/planning/circulation", headers: headers,
                    beforeRequest: {
                        try $0.content.encode(["csrfToken": csrf, "comparisonReplications": "2"], as: .urlEncodedForm)
                    }
                ) { #expect($0.status == .forbidden, "\(email)") }
            }
            let (analyst, _) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            #expect(try await page(app, "/planning/runs/\(UUID())", analyst).0 == .notFound)
            #expect(try await page(app, "/planning/runs/not-a-run", analyst).0 == .notFound)
        }
    }
}

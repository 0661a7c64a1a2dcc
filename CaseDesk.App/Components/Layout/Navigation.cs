using CaseDesk.Domain.Common;

namespace CaseDesk.App.Components.Layout;

/// <summary>One entry of the side navigation; shown only to the roles that can use the page behind it.</summary>
public sealed record NavItem(string Href, string Text, string Icon, IReadOnlyList<string> Roles, bool ExactMatch = false);

public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("", "My work", "assignment", Domain.Common.Roles.All, ExactMatch: true),
        new("clients", "Clients", "groups", Domain.Common.Roles.ClientStaff),
        new("cases", "Cases", "folder_open", Domain.Common.Roles.ClientStaff),
        new("phone-messages", "Phone messages", "phone_callback", Domain.Common.Roles.ClientStaff),
        new("emails", "E-mails", "mail", [Domain.Common.Roles.Reception, Domain.Common.Roles.Caseworker, Domain.Common.Roles.Head]),
        new("visits", "Visit calendar", "calendar_month", [Domain.Common.Roles.Caseworker, Domain.Common.Roles.Head]),
        new("standard", "Service standard", "menu_book", Domain.Common.Roles.All),
        new("complaints", "Complaints and suggestions", "feedback", Domain.Common.Roles.ClientStaff),
        new("complaints/desk", "Officer's desk", "inbox", [Domain.Common.Roles.QualityOfficer]),
        new("dashboard", "Dashboard", "monitoring", [Domain.Common.Roles.Head, Domain.Common.Roles.QualityOfficer]),
        new("complaints/analysis", "Complaint analysis", "query_stats", [Domain.Common.Roles.Head, Domain.Common.Roles.QualityOfficer]),
        new("complaints/review", "Review of the standard", "rate_review", [Domain.Common.Roles.Head, Domain.Common.Roles.QualityOfficer]),
        new("incidents/new", "Record an incident", "report", Domain.Common.Roles.ClientStaff),
        new("incidents", "Incidents for training", "fact_check", [Domain.Common.Roles.QualityOfficer], ExactMatch: true),
        new("training", "Training library", "school", [Domain.Common.Roles.Trainer, Domain.Common.Roles.QualityOfficer]),
        new("settings/targets", "Commitment targets", "timer", Domain.Common.Roles.All),
        new("settings/calendar", "Working calendar", "event_busy", [Domain.Common.Roles.Head, Domain.Common.Roles.Admin, Domain.Common.Roles.QualityOfficer]),
        new("admin/users", "Users", "manage_accounts", [Domain.Common.Roles.Admin]),
        new("admin/audit", "Audit log", "policy", [Domain.Common.Roles.Admin, Domain.Common.Roles.QualityOfficer]),
        new("privacy/erasure", "Erasure requests", "person_remove", [Domain.Common.Roles.Caseworker, Domain.Common.Roles.Head, Domain.Common.Roles.Admin]),
        new("privacy/retention", "Retention of personal data", "auto_delete", [Domain.Common.Roles.Admin, Domain.Common.Roles.Head, Domain.Common.Roles.QualityOfficer]),
    ];

    public static IEnumerable<NavItem> For(Func<string, bool> isInRole) =>
        Items.Where(item => item.Roles.Any(isInRole));
}

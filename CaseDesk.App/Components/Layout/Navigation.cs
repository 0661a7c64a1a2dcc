using MudBlazor;
using R = CaseDesk.Domain.Common.Roles;

namespace CaseDesk.App.Components.Layout;

/// <summary>One entry of the side navigation; shown only to the roles that can use the page behind it.</summary>
public sealed record NavItem(string Href, string Text, string Icon, IReadOnlyList<string> Roles, bool ExactMatch = false);

/// <summary>Entries grouped by the job they serve, so a person finds their day's work in one group.</summary>
public sealed record NavGroup(string Title, IReadOnlyList<NavItem> Items);

public static class Navigation
{
    public static readonly IReadOnlyList<NavGroup> Groups =
    [
        new("My day",
        [
            new("", "My work", Icons.Material.Outlined.Assignment, R.All, ExactMatch: true),
            new("front-desk", "Front desk", Icons.Material.Outlined.Storefront, [R.Reception]),
            new("dashboard", "Dashboard", Icons.Material.Outlined.Monitor, [R.Head, R.QualityOfficer]),
        ]),
        new("Clients and cases",
        [
            new("clients", "Clients", Icons.Material.Outlined.Groups, R.ClientStaff),
            new("cases", "Cases", Icons.Material.Outlined.FolderOpen, R.ClientStaff),
            new("phone-messages", "Phone messages", Icons.Material.Outlined.PhoneCallback, R.ClientStaff),
            new("emails", "E-mails", Icons.Material.Outlined.Mail, [R.Reception, R.Caseworker, R.Head]),
            new("visits", "Visit calendar", Icons.Material.Outlined.CalendarMonth, [R.Caseworker, R.Head]),
        ]),
        new("Quality of service",
        [
            new("complaints", "Complaints and suggestions", Icons.Material.Outlined.Feedback, R.ClientStaff),
            new("complaints/desk", "Officer's desk", Icons.Material.Outlined.Inbox, [R.QualityOfficer]),
            new("complaints/analysis", "Complaint analysis", Icons.Material.Outlined.QueryStats, [R.Head, R.QualityOfficer]),
            new("complaints/review", "Review of the standard", Icons.Material.Outlined.RateReview, [R.Head, R.QualityOfficer]),
        ]),
        new("Training",
        [
            new("incidents/new", "Record an incident", Icons.Material.Outlined.Report, R.ClientStaff),
            new("incidents", "Incidents for training", Icons.Material.Outlined.FactCheck, [R.QualityOfficer], ExactMatch: true),
            new("training", "Training library", Icons.Material.Outlined.School, [R.Trainer, R.QualityOfficer]),
        ]),
        new("Standard and settings",
        [
            new("standard", "Service standard", Icons.Material.Outlined.MenuBook, R.All),
            new("settings/me", "My settings", Icons.Material.Outlined.Settings, R.All),
            new("settings/targets", "Commitment targets", Icons.Material.Outlined.Timer, R.All),
            new("settings/calendar", "Working calendar", Icons.Material.Outlined.EventBusy, [R.Head, R.Admin, R.QualityOfficer]),
            new("admin/users", "Users", Icons.Material.Outlined.ManageAccounts, [R.Admin]),
            new("admin/audit", "Audit log", Icons.Material.Outlined.Policy, [R.Admin, R.QualityOfficer]),
            new("privacy/erasure", "Erasure requests", Icons.Material.Outlined.PersonRemove, [R.Caseworker, R.Head, R.Admin]),
            new("privacy/retention", "Retention of personal data", Icons.Material.Outlined.AutoDelete, [R.Admin, R.Head, R.QualityOfficer]),
        ]),
    ];

    public static IEnumerable<NavItem> Items => Groups.SelectMany(g => g.Items);

    public static IEnumerable<NavItem> For(Func<string, bool> isInRole) =>
        Items.Where(item => item.Roles.Any(isInRole));

    public static IEnumerable<NavGroup> GroupsFor(Func<string, bool> isInRole) =>
        Groups.Select(g => g with { Items = g.Items.Where(i => i.Roles.Any(isInRole)).ToList() }).Where(g => g.Items.Count > 0);

    /// <summary>Where a person lands after signing in: the page of their daily work (first role that has one wins).</summary>
    public static string Landing(Func<string, bool> isInRole) =>
        isInRole(R.Caseworker) ? "/"
        : isInRole(R.Reception) ? "/front-desk"
        : isInRole(R.Head) ? "/dashboard"
        : isInRole(R.QualityOfficer) ? "/complaints/desk"
        : isInRole(R.Trainer) ? "/training"
        : "/";
}

namespace CaseDesk.Domain.Common;

public static class Roles
{
    public const string Reception = nameof(Reception);
    public const string Caseworker = nameof(Caseworker);
    public const string Head = nameof(Head);
    public const string QualityOfficer = nameof(QualityOfficer);
    public const string Trainer = nameof(Trainer);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [Reception, Caseworker, Head, QualityOfficer, Trainer, Admin];

    /// <summary>The roles that work with clients' personal data. Not the trainer (anonymized copies only) and not the administrator (users and settings only).</summary>
    public static readonly IReadOnlyList<string> ClientStaff =
        [Reception, Caseworker, Head, QualityOfficer];
}

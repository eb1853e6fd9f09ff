namespace Consortium.Silo.Hosting;

/// <summary>How a process takes part in the Orleans cluster.</summary>
public enum HostingMode
{
    /// <summary>One process co-hosts a silo on localhost with grain state and reminders in a SQLite file.</summary>
    Embedded,

    /// <summary>A silo in a cluster whose membership, state and reminders live in PostgreSQL.</summary>
    Cluster,

    /// <summary>No silo here: an Orleans client of a PostgreSQL cluster.</summary>
    Client,
}

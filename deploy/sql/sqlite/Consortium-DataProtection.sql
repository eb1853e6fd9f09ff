-- ASP.NET Core Data Protection's key ring, shared by every portal and silo of the installation.
CREATE TABLE consortium_data_protection_keys
(
    friendly_name TEXT PRIMARY KEY,
    xml TEXT NOT NULL
);

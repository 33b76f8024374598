print("vmwizard")
